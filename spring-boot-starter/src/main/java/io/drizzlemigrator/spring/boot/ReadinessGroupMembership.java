package io.drizzlemigrator.spring.boot;

import java.util.List;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Adds the {@code drizzle} indicator to the {@code readiness} health group (Kubernetes' readiness probe,
 * {@code /actuator/health/readiness}), so that a replica whose schema is behind its code gets no traffic. Leaves the
 * group alone when the application lists its members itself
 * ({@code management.endpoint.health.group.readiness.include/exclude}), as Spring Boot's probes do; never touches
 * the liveness group. Ordered last, after Spring Boot's availability probes create the group. Not registered with
 * {@code drizzle.migrations.readiness.enabled=false}.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
final class ReadinessGroupMembership implements HealthEndpointGroupsPostProcessor {

    static final String READINESS = "readiness";
    /** Whether the indicator joins the group by itself (default true); false leaves the group as configured. */
    static final String PROPERTY = DrizzleMigrationsProperties.PREFIX + ".readiness.enabled";
    private static final String GROUP_PREFIX = "management.endpoint.health.group." + READINESS + ".";

    private final String member;
    private final boolean explicitMembership;

    ReadinessGroupMembership(String member, Environment environment) {
        this.member = member;
        Binder binder = Binder.get(environment);
        this.explicitMembership = binder.bind(GROUP_PREFIX + "include", Bindable.setOf(String.class)).isBound()
                || binder.bind(GROUP_PREFIX + "exclude", Bindable.setOf(String.class)).isBound();
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        if (explicitMembership || groups.get(READINESS) == null) {
            return groups;
        }
        return new Groups(groups, member);
    }

    /** The groups, with the readiness group widened. */
    private static final class Groups implements HealthEndpointGroups, AdditionalPathsMapper {

        private final HealthEndpointGroups delegate;
        private final String member;

        Groups(HealthEndpointGroups delegate, String member) {
            this.delegate = delegate;
            this.member = member;
        }

        @Override
        public HealthEndpointGroup getPrimary() {
            return delegate.getPrimary();
        }

        @Override
        public Set<String> getNames() {
            return delegate.getNames();
        }

        @Override
        public HealthEndpointGroup get(String name) {
            HealthEndpointGroup group = delegate.get(name);
            return group != null && READINESS.equals(name) ? new WithMember(group, member) : group;
        }

        @Override
        public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
            return delegate instanceof AdditionalPathsMapper mapper
                    ? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
        }
    }

    /** A group that also holds one more member. */
    private record WithMember(HealthEndpointGroup delegate, String member) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return member.equals(name) || delegate.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return delegate.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return delegate.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return delegate.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return delegate.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return delegate.getAdditionalPath();
        }
    }
}
