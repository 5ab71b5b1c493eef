package io.github.camelgb28181.media;

/**
 * Where the G.711 bytes of a voice broadcast come from, taken one packet at a time by {@link AudioSender} on a media
 * event loop: so taking never blocks. A source either holds all of its audio ({@link #of(byte[])}) or is fed while
 * the broadcast runs ({@link StreamedAudio}, a live source such as a microphone).
 */
public interface AudioSource {

    /** What {@link #take} returns once the audio is over. */
    int END = -1;

    /**
     * Copies the next {@code max} bytes into {@code into} (fewer only for the last packet).
     *
     * @return the bytes copied; 0 when a packet's worth has not arrived yet (the sender lets that packet time pass);
     *         {@link #END} when no more will come
     */
    int take(byte[] into, int max);

    /** True once every byte was taken and no more will come. */
    boolean ended();

    /** Why the audio ended before its source did (a read error), or null. */
    default Throwable failure() {
        return null;
    }

    /** The broadcast is over, whatever the reason: release what feeds the source. */
    default void close() {
    }

    /** A source holding all of its audio. */
    static AudioSource of(byte[] audio) {
        if (audio.length == 0) {
            throw new IllegalArgumentException("no audio to broadcast");
        }
        return new AudioSource() {
            private int offset;

            @Override
            public int take(byte[] into, int max) {
                if (offset >= audio.length) {
                    return END;
                }
                int n = Math.min(max, audio.length - offset);
                System.arraycopy(audio, offset, into, 0, n);
                offset += n;
                return n;
            }

            @Override
            public boolean ended() {
                return offset >= audio.length;
            }
        };
    }
}
