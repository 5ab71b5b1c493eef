package io.github.camelgb28181.sip;

/**
 * A request received by the stack and the means to answer it (RFC 3261 §17.2). Responses go back the way the
 * request came: on the same TCP connection, or to the UDP packet source; the source wins over the Via address
 * because GB28181 devices behind NAT put a guessed LAN address in Via (SPEC §5).
 *
 * <p>The stack keeps only the transaction's {@link ServerTransactionRecord} (the last response's bytes) to answer a
 * retransmitted request again without reaching the handler.
 */
public final class SipServerTransaction {

    /** How the bytes of a response reach the peer. */
    interface ReplyPath {
        void send(byte[] bytes);
    }

    private final ServerTransactionRecord record;
    private final SipRequest request;
    private final SipPeer source;
    private final String toTag = SipIds.newTag();

    SipServerTransaction(String key, SipRequest request, SipPeer source, ReplyPath replyPath, long now) {
        this.record = new ServerTransactionRecord(key, replyPath, now);
        this.request = request;
        this.source = source;
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
        record.send(SipMessageEncoder.encode(response), response.isFinal());
    }

    ServerTransactionRecord record() {
        return record;
    }

    boolean isCompleted() {
        return record.isCompleted();
    }
}
