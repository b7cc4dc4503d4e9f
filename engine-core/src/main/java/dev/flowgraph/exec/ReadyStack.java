package dev.flowgraph.exec;

import java.util.Arrays;

/**
 * The nodes one thread has made ready and will run itself, last in first out, counting how many
 * of them are expensive (not inline).
 */
final class ReadyStack {
    private final boolean[] inline;
    private int[] items = new int[8];
    private int size;
    private int expensive;

    ReadyStack(boolean[] inline) {
        this.inline = inline;
    }

    void push(int node) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = node;
        if (!inline[node]) {
            expensive++;
        }
    }

    int pop() {
        int node = items[--size];
        if (!inline[node]) {
            expensive--;
        }
        return node;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean holdsExpensive() {
        return expensive > 0;
    }
}
