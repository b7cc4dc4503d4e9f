package dev.flowgraph;

import java.util.Collection;

/**
 * An op type that no registered {@link dev.flowgraph.spi.OpProvider} defines. The message
 * suggests the nearest known types.
 */
public class UnknownOpException extends GraphBuildException {
    private static final long serialVersionUID = 1L;

    private final String opType;

    /**
     * Creates the exception for an unknown op type.
     *
     * @param opType the type that was asked for
     * @param knownTypes every registered type, for the "did you mean" suggestion
     */
    public UnknownOpException(String opType, Collection<String> knownTypes) {
        super("Unknown op type '" + opType + "'" + Suggestions.didYouMean(opType, knownTypes)
                + " (an op is registered by an OpProvider listed in META-INF/services/dev.flowgraph.spi.OpProvider)");
        this.opType = opType;
    }

    /**
     * Returns the type that was asked for.
     *
     * @return the unknown op type
     */
    public String opType() {
        return opType;
    }
}
