package io.github.camelgb28181.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Listeners of one kind; a failing listener is logged and the others still hear the event. */
final class Listeners<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<T> list = new CopyOnWriteArrayList<>();

    void add(T listener) {
        list.add(listener);
    }

    void remove(T listener) {
        list.remove(listener);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void fire(Consumer<T> call, Object event) {
        for (T l : list) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("{} failed on {}", l, event, e);
            }
        }
    }
}
