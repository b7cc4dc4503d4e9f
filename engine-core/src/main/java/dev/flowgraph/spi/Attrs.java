package dev.flowgraph.spi;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A node's attributes: the named, immutable, non-tensor-input parameters of an op, such as a
 * matmul's transpose flags or a constant's value.
 *
 * <p>Values are booleans, longs (ints are widened), doubles, strings, {@code long[]} (copied),
 * {@link DType}s, {@link Shape}s and {@link Tensor}s.
 *
 * <pre>{@code
 * Attrs a = Attrs.builder().put("transposeA", true).put("axis", -1).build();
 * a.getBoolean("transposeA");          // true
 * a.getLong("axis");                   // -1
 * a.getBoolean("transposeB", false);   // false: absent, so the default
 * }</pre>
 */
public final class Attrs {
    private static final Attrs EMPTY = new Attrs(ImmutableSortedMap.of());

    private final ImmutableSortedMap<String, Object> values;

    private Attrs(ImmutableSortedMap<String, Object> values) {
        this.values = values;
    }

    /**
     * Returns the attributes with no entries.
     *
     * @return empty attributes
     */
    public static Attrs empty() {
        return EMPTY;
    }

    /**
     * Returns attributes with one entry.
     *
     * @param name the attribute's name
     * @param value its value, of a supported type
     * @return the attributes
     */
    public static Attrs of(String name, Object value) {
        return builder().put(name, value).build();
    }

    /**
     * Returns a builder for attributes.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link Attrs}; each name may be given once.
     */
    public static final class Builder {
        private final ImmutableSortedMap.Builder<String, Object> map = ImmutableSortedMap.naturalOrder();
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        private Builder() {}

        /**
         * Adds an attribute.
         *
         * @param name the attribute's name
         * @param value a Boolean, Integer, Long, Double, String, long[], DType, Shape or Tensor
         * @return this builder
         * @throws IllegalArgumentException if the value has another type or the name is repeated
         */
        public Builder put(String name, Object value) {
            checkNotNull(name, "name");
            checkNotNull(value, "value of attribute '%s'", name);
            Object normalized = normalize(name, value);
            checkArgument(seen.add(name), "attribute '%s' is given twice", name);
            map.put(name, normalized);
            return this;
        }

        /**
         * Returns the attributes built so far.
         *
         * @return immutable attributes
         */
        public Attrs build() {
            ImmutableSortedMap<String, Object> m = map.build();
            return m.isEmpty() ? EMPTY : new Attrs(m);
        }

        private static Object normalize(String name, Object value) {
            if (value instanceof Integer) {
                return ((Integer) value).longValue();
            }
            if (value instanceof long[]) {
                return ((long[]) value).clone();
            }
            if (value instanceof int[]) {
                return Arrays.stream((int[]) value).asLongStream().toArray();
            }
            checkArgument(value instanceof Boolean || value instanceof Long || value instanceof Double
                            || value instanceof String || value instanceof DType || value instanceof Shape
                            || value instanceof Tensor,
                    "attribute '%s' has unsupported type %s", name, value.getClass().getName());
            return value;
        }
    }

    /**
     * Tells whether an attribute is present.
     *
     * @param name the attribute's name
     * @return true if present
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * Returns the names of all attributes, sorted.
     *
     * @return the names
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Returns the attributes as a sorted, unmodifiable map ({@code long[]} values are copies).
     *
     * @return the entries
     */
    public Map<String, Object> asMap() {
        ImmutableSortedMap.Builder<String, Object> b = ImmutableSortedMap.naturalOrder();
        values.forEach((k, v) -> b.put(k, v instanceof long[] ? ((long[]) v).clone() : v));
        return b.build();
    }

    /**
     * Reads a boolean attribute.
     *
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is absent or not a boolean
     */
    public boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    /**
     * Reads a boolean attribute, or a default when it is absent.
     *
     * @param name the attribute's name
     * @param defaultValue the value when absent
     * @return its value or the default
     * @throws IllegalArgumentException if it is present but not a boolean
     */
    public boolean getBoolean(String name, boolean defaultValue) {
        return has(name) ? getBoolean(name) : defaultValue;
    }

    /**
     * Reads an integer attribute.
     *
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is absent or not an integer
     */
    public long getLong(String name) {
        return get(name, Long.class);
    }

    /**
     * Reads an integer attribute, or a default when it is absent.
     *
     * @param name the attribute's name
     * @param defaultValue the value when absent
     * @return its value or the default
     * @throws IllegalArgumentException if it is present but not an integer
     */
    public long getLong(String name, long defaultValue) {
        return has(name) ? getLong(name) : defaultValue;
    }

    /**
     * Reads a floating-point attribute.
     *
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is absent or not a double
     */
    public double getDouble(String name) {
        return get(name, Double.class);
    }

    /**
     * Reads a string attribute.
     *
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is absent or not a string
     */
    public String getString(String name) {
        return get(name, String.class);
    }

    /**
     * Reads an integer-list attribute.
     *
     * @param name the attribute's name
     * @return a copy of its value
     * @throws IllegalArgumentException if it is absent or not a {@code long[]}
     */
    public long[] getLongArray(String name) {
        return get(name, long[].class).clone();
    }

    /**
     * Reads a dtype attribute.
     *
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is absent or not a dtype
     */
    public DType getDType(String name) {
        return get(name, DType.class);
    }

    /**
     * Reads a shape attribute.
     *
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is absent or not a shape
     */
    public Shape getShape(String name) {
        return get(name, Shape.class);
    }

    /**
     * Reads a tensor attribute.
     *
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is absent or not a tensor
     */
    public Tensor getTensor(String name) {
        return get(name, Tensor.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object v = values.get(name);
        checkArgument(v != null, "attribute '%s' is missing (present: %s)", name, values.keySet());
        checkArgument(type.isInstance(v), "attribute '%s' is a %s, not a %s", name,
                v.getClass().getSimpleName(), type.getSimpleName());
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attrs && Arrays.deepEquals(flatten(), ((Attrs) o).flatten());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(flatten());
    }

    private Object[] flatten() {
        Object[] out = new Object[values.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return out;
    }

    /**
     * Returns the attributes as {@code {name=value, ...}}, tensors summarised by dtype and shape.
     *
     * @return the printed attributes
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=');
            if (v instanceof long[]) {
                sb.append(Arrays.toString((long[]) v));
            } else if (v instanceof Tensor) {
                sb.append("tensor ").append(((Tensor) v).dtype()).append(((Tensor) v).shape());
            } else {
                sb.append(v);
            }
        });
        return sb.append('}').toString();
    }
}
