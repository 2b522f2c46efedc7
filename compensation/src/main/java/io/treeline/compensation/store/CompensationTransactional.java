package io.treeline.compensation.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transaction in PostgreSQL. The application declares one transaction manager per store
 * and never spans both in one transaction (architecture.md).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(transactionManager = CompensationStoreConfiguration.TRANSACTION_MANAGER)
public @interface CompensationTransactional {

	@AliasFor(annotation = Transactional.class, attribute = "readOnly")
	boolean readOnly() default false;

}
