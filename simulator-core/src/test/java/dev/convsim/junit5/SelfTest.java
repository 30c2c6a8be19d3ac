package dev.convsim.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that {@link ConvsimExtensionTest} runs through the EngineTestKit, some of whose tests fail on
 * purpose: it is skipped unless the run sets {@value #KEY}, so running a whole package from an IDE stays green.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SelfTest.OnlyInsideTheTestKit.class)
@interface SelfTest {

    /** The configuration parameter that enables these classes. */
    String KEY = "convsim.selftest";

    /** Enables the class only when the EngineTestKit run sets {@value #KEY}. */
    class OnlyInsideTheTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KEY).isPresent()
                    ? ConditionEvaluationResult.enabled("run by ConvsimExtensionTest")
                    : ConditionEvaluationResult.disabled("run only by ConvsimExtensionTest through the EngineTestKit");
        }
    }
}
