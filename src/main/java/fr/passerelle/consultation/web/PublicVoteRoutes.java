package fr.passerelle.consultation.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The public vote ({@code POST /c/{slug}/votes}, JSON) as a functional route in its own handler
 * mapping, consulted before the annotated ones. An annotated mapping with a path variable is found
 * by testing every pattern of the application in turn, which cost about an eighth of a vote's
 * processing; this mapping tests one. It is not a bean of its own, so the default functional
 * mapping does not serve it a second time.
 */
@Configuration(proxyBeanMethods = false)
class PublicVoteRoutes {

    @Bean
    RouterFunctionMapping publicVoteMapping(PublicVoteApiController api, RequestMappingHandlerAdapter adapter) {
        RouterFunctionMapping mapping = new RouterFunctionMapping(RouterFunctions.route(
                RequestPredicates.POST("/c/{slug}/votes").and(RequestPredicates.contentType(MediaType.APPLICATION_JSON)),
                api::vote));
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setMessageConverters(adapter.getMessageConverters());
        return mapping;
    }
}
