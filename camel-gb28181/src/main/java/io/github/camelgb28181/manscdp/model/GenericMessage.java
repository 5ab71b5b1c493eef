package io.github.camelgb28181.manscdp.model;

/**
 * A message without a typed class (queries, controls, notifies such as {@code Broadcast}, commands of newer protocol
 * versions): the envelope, and every other element in {@link #getExtra()}.
 */
public final class GenericMessage extends Envelope {

    private GenericMessage() {
    }
}
