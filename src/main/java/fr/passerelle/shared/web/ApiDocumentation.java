package fr.passerelle.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the REST API ({@code /v3/api-docs}), with its bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "apiToken";

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
}
