package io.migratewatch.fidelity;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * The implicit naming Spring Boot configures (its {@code SpringImplicitNamingStrategy}), rebuilt here because the
 * test has no Spring: JPA's rules everywhere except for join tables, which Spring names after the owning entity's
 * table and the attribute ({@code product_tags}) where JPA takes both entity names ({@code Product_Tag}).
 */
public class SpringLikeImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String owningTable = source.getOwningPhysicalTableName();
        String attribute = source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(owningTable + "_" + attribute, source.getBuildingContext());
    }
}
