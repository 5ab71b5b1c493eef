package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.SipRequestHandler;
import io.github.camelgb28181.sip.SipStack;
import io.github.camelgb28181.sip.SipStackConfig;
import io.github.camelgb28181.sip.SipTransport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few SIP stacks all simulated devices share. A platform answers to the packet source and addresses requests to
 * the device ID in the Request-URI (GB/T 28181 devices behind NAT look the same), so one socket can carry thousands
 * of devices; the handler finds the device by that ID.
 */
final class DeviceSockets implements AutoCloseable {

    private final SimulatorConfig config;
    private final List<SipStack> stacks = new ArrayList<>();
    private DatagramChannel rawSocket;

    DeviceSockets(SimulatorConfig config, SipRequestHandler handler) {
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory io = r -> {
            Thread t = new Thread(r, "sim-sip-io-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        for (int i = 0; i < config.sockets(); i++) {
            SipStackConfig sip = SipStackConfig.builder()
                    .listenHost(config.localHost())
                    .port(0)
                    .transports(EnumSet.of(config.transport()))
                    .advertisedHost(config.localHost())
                    .ioThreads(config.ioThreads())
                    .t1Ms(config.t1Ms())
                    .t2Ms(Math.max(config.t1Ms(), 4000))
                    // the device side keeps its connection; the platform decides when a silent one goes
                    .tcpIdleTimeoutMs(0)
                    .build();
            // handlers run on the I/O thread and only hand the transaction to the device's own event loop
            stacks.add(new SipStack(sip, Runnable::run, handler, io));
        }
    }

    void start() throws InterruptedException {
        for (SipStack s : stacks) {
            s.start();
        }
    }

    SipStack stackFor(int deviceIndex) {
        return stacks.get(deviceIndex % stacks.size());
    }

    List<Integer> ports() {
        return stacks.stream().map(SipStack::boundPort).toList();
    }

    /**
     * Sends bytes the SIP engine would refuse to write (a vendor quirk such as {@code Content-Length: 0} with a body)
     * from a socket of their own; what comes back to it is not read.
     */
    synchronized void sendRaw(byte[] bytes, InetSocketAddress to) {
        if (config.transport() != SipTransport.UDP) {
            throw new IllegalStateException("raw quirk bytes are sent over UDP only");
        }
        try {
            if (rawSocket == null) {
                rawSocket = DatagramChannel.open().bind(new InetSocketAddress(config.localHost(), 0));
            }
            rawSocket.send(ByteBuffer.wrap(bytes), to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        stacks.forEach(SipStack::stop);
        if (rawSocket != null) {
            try {
                rawSocket.close();
            } catch (IOException ignored) {
                // closing a datagram socket on shutdown: nothing to recover
            }
            rawSocket = null;
        }
    }
}
