package fr.passerelle.shared.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/**
 * Puts {@link ProductErrorReportValve} in place of Tomcat's error report (which Spring Boot adds to
 * the host): after Spring Boot's own customization, so that it replaces it.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> productErrorReport(ObjectProvider<ITemplateEngine> templates,
            ObjectProvider<ApiProblems> problems, ObjectProvider<LocaleResolver> locales) {
        return new ProductErrorReport(templates, problems, locales);
    }

    private record ProductErrorReport(ObjectProvider<ITemplateEngine> templates, ObjectProvider<ApiProblems> problems,
            ObjectProvider<LocaleResolver> locales) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProductErrorReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProductErrorReportValve(templates, problems, locales));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
