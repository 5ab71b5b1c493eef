package io.github.camelgb28181.sip;

/**
 * A request received by the stack and the means to answer it (RFC 3261 §17.2). Responses go back the way the
 * request came: on the same TCP connection, or to the UDP packet source; the source wins over the Via address
 * because GB28181 devices behind NAT put a guessed LAN address in Via (SPEC §5).
 *
 * <p>The last response is kept so that a retransmitted request is answered again without reaching the handler.
 */
public final class SipServerTransaction {

    /** How the bytes of a response reach the peer. */
    interface ReplyPath {
        void send(byte[] bytes);
    }

    private final String key;
    private final SipRequest request;
    private final SipPeer source;
    private final ReplyPath replyPath;
    private final String toTag = SipIds.newTag();
    private final long createdAt;
    private volatile byte[] lastResponse;
    private volatile long completedAt;

    SipServerTransaction(String key, SipRequest request, SipPeer source, ReplyPath replyPath, long now) {
        this.key = key;
        this.request = request;
        this.source = source;
        this.replyPath = replyPath;
        this.createdAt = now;
    }

    public SipRequest request() {
        return request;
    }

    /** The transport and socket address the request arrived from. */
    public SipPeer source() {
        return source;
    }

    /** The To-tag this transaction adds to its responses. */
    public String toTag() {
        return toTag;
    }

    /** A response with the headers of RFC 3261 §8.2.6.2, to add to before {@link #respond(SipResponse)}. */
    public SipHeaders.Builder responseHeaders(int status) {
        return SipResponses.headersFor(request, status, toTag);
    }

    public void respond(int status) {
        respond(SipResponses.create(request, status, toTag));
    }

    public void respond(SipResponse response) {
        if (request.isMethod("ACK")) {
            throw new IllegalStateException("ACK is never answered (RFC 3261 §17.1.1.1)");
        }
        byte[] bytes = SipMessageEncoder.encode(response);
        lastResponse = bytes;
        if (response.isFinal()) {
            completedAt = System.currentTimeMillis();
        }
        replyPath.send(bytes);
    }

    /** Replays the last response to a retransmitted request; returns false when none was sent yet. */
    boolean replay() {
        byte[] bytes = lastResponse;
        if (bytes == null) {
            return false;
        }
        replyPath.send(bytes);
        return true;
    }

    String key() {
        return key;
    }

    boolean isCompleted() {
        return completedAt != 0;
    }

    long completedAt() {
        return completedAt;
    }

    long createdAt() {
        return createdAt;
    }
}
