package fr.passerelle.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the REST API ({@code /v3/api-docs}), with its bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "apiToken";

    /** The refusals every operation may answer, all as problem details. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Bad input (the fields at fault in errors); nothing was changed",
            "401", "No valid API token (or session)",
            "403", "The caller lacks the permission (or, for session calls, the CSRF token)",
            "404", "Unknown identifier, or one of another association",
            "409", "Not allowed in the resource's current state (lifecycle, review, duplicate)");

    @Bean
    OpenAPI passerelleOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Passerelle API").version("v1")
                        .description("""
                                Persons, measures, appointments and reports of the caller's association, with the \
                                caller's permissions, exactly as on the pages (same checks, same audit trail). \
                                Authenticate with a personal API token created on the account page \
                                (`Authorization: Bearer psr_...`). Errors are RFC 9457 problem details \
                                (`application/problem+json`) whose `detail` follows `Accept-Language` (French by \
                                default, English); `code` is the stable message key and `errors` lists the fields \
                                at fault. Another association's identifiers answer 404."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Personal API token (account page → API tokens)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Documents the problem-detail answers on every operation. */
    @Bean
    OperationCustomizer problemResponses() {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem detail: type, title, status, detail "
                        + "(in the language of Accept-Language), instance, code (message key), requestId, errors")
                .addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("title", new Schema<String>().type("string"))
                .addProperty("detail", new Schema<String>().type("string"))
                .addProperty("instance", new Schema<String>().type("string"))
                .addProperty("code", new Schema<String>().type("string"))
                .addProperty("requestId", new Schema<String>().type("string"));
        return (operation, handler) -> {
            PROBLEMS.forEach((status, description) -> operation.getResponses().putIfAbsent(status, new ApiResponse()
                    .description(description)
                    .content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem)))));
            return operation;
        };
    }
}
