package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@code drizzle} actuator endpoint, when the actuator is on the classpath and the endpoint is available
 * ({@code management.endpoints.web.exposure.include=drizzle} exposes it over HTTP).
 */
@AutoConfiguration(after = DrizzleMigrationsAutoConfiguration.class)
@ConditionalOnClass({DrizzleMigrator.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(DrizzleEndpoint.class)
public final class DrizzleEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(DrizzleMigrator.class)
    @ConditionalOnMissingBean
    DrizzleEndpoint drizzleEndpoint(ConfigurableApplicationContext context) {
        return new DrizzleEndpoint(context);
    }
}
