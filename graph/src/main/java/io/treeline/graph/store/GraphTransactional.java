package io.treeline.graph.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transaction in Neo4j. The application declares one transaction manager per store and
 * never spans both in one transaction (architecture.md), so every transactional method
 * names its store with this annotation or its relational counterpart.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(transactionManager = GraphStoreConfiguration.TRANSACTION_MANAGER)
public @interface GraphTransactional {

	@AliasFor(annotation = Transactional.class, attribute = "readOnly")
	boolean readOnly() default false;

}
