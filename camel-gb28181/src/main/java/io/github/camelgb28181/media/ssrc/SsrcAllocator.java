package io.github.camelgb28181.media.ssrc;

import io.github.camelgb28181.util.Ascii;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Hands out the platform's SSRCs in the layout of GB/T 28181-2016 Annex F (2022 Annex G), the {@code y} field: ten
 * decimal digits, the first {@code 0} for a live and {@code 1} for a history (Playback/Download) stream, digits 2–6
 * the 4th to 8th digit of the 20-digit SIP domain ID (for {@code 13010000002000000001} that is {@code 10000}), digits
 * 7–10 a four-digit number that no other stream of the domain is using. Because the standard makes the last four
 * digits unique across the domain, live and history streams share one sequence space.
 *
 * <p>Thread-safe without a lock: the sequences in use are a bit set of atomic words, claimed with compare-and-set, and
 * the next candidate comes from an atomic cursor; allocation wraps after 9999 and skips sequences in use.
 */
public final class SsrcAllocator {

    /** Sequences run 0001–9999; 0000 is left out so that no SSRC of ours ends in four zeros. */
    public static final int MAX_SEQUENCE = 9999;

    private final String domainPart;
    private final long livePrefix;
    private final long historyPrefix;
    private final AtomicLongArray inUse = new AtomicLongArray((MAX_SEQUENCE + 64) / 64);
    private final AtomicInteger cursor = new AtomicInteger();
    private final AtomicInteger count = new AtomicInteger();

    /**
     * @param domainId the SIP domain ID: the 10-digit domain code or a 20-digit platform ID of the domain (both start
     *                 with the same centre code, so digits 4–8 are the same)
     */
    public SsrcAllocator(String domainId) {
        if (domainId == null || (domainId.length() != 10 && domainId.length() != 20) || !Ascii.isDigits(domainId)) {
            throw new IllegalArgumentException("domain ID must be 10 or 20 decimal digits: " + domainId);
        }
        this.domainPart = domainId.substring(3, 8);
        long domain = Long.parseLong(domainPart);
        this.livePrefix = domain * 10_000L;
        this.historyPrefix = 1_000_000_000L + domain * 10_000L;
    }

    /** Digits 2–6 of every SSRC this allocator hands out. */
    public String domainPart() {
        return domainPart;
    }

    /**
     * A fresh SSRC.
     *
     * @param history {@code true} for Playback and Download, {@code false} for live Play (and Talk)
     * @throws SsrcExhaustedException when all 9999 sequences are in use
     */
    public Ssrc allocate(boolean history) throws SsrcExhaustedException {
        for (int attempt = 0; attempt < MAX_SEQUENCE; attempt++) {
            int sequence = Math.floorMod(cursor.getAndIncrement(), MAX_SEQUENCE) + 1;
            if (claim(sequence)) {
                count.incrementAndGet();
                return new Ssrc((int) ((history ? historyPrefix : livePrefix) + sequence));
            }
        }
        throw new SsrcExhaustedException("all " + MAX_SEQUENCE + " SSRC sequences of domain " + domainPart
                + " are in use");
    }

    /**
     * Frees the sequence of an SSRC this allocator handed out.
     *
     * @return {@code false} when the SSRC is not one of ours (other domain, not GB layout) or was not in use
     */
    public boolean release(Ssrc ssrc) {
        int sequence = ownSequence(ssrc);
        if (sequence < 0 || !unclaim(sequence)) {
            return false;
        }
        count.decrementAndGet();
        return true;
    }

    /** Whether the SSRC is one of ours and currently handed out. */
    public boolean isInUse(Ssrc ssrc) {
        int sequence = ownSequence(ssrc);
        return sequence >= 0 && (inUse.get(sequence >>> 6) & (1L << sequence)) != 0;
    }

    /** How many SSRCs are handed out. */
    public int inUseCount() {
        return count.get();
    }

    /** The sequence of an SSRC in this domain's layout, or -1. */
    private int ownSequence(Ssrc ssrc) {
        long v = ssrc.unsignedValue();
        if (!ssrc.isGbLayout() || !ssrc.domainPart().equals(domainPart)) {
            return -1;
        }
        int sequence = (int) (v % 10_000);
        return sequence >= 1 && sequence <= MAX_SEQUENCE ? sequence : -1;
    }

    private boolean claim(int sequence) {
        int word = sequence >>> 6;
        long bit = 1L << sequence; // Java masks the shift to the low six bits
        while (true) {
            long old = inUse.get(word);
            if ((old & bit) != 0) {
                return false;
            }
            if (inUse.compareAndSet(word, old, old | bit)) {
                return true;
            }
        }
    }

    private boolean unclaim(int sequence) {
        int word = sequence >>> 6;
        long bit = 1L << sequence;
        while (true) {
            long old = inUse.get(word);
            if ((old & bit) == 0) {
                return false;
            }
            if (inUse.compareAndSet(word, old, old & ~bit)) {
                return true;
            }
        }
    }

}
