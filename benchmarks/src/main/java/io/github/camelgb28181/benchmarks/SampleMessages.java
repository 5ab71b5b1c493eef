package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.manscdp.ManscdpCharsets;

/** Messages as devices send them (GB/T 28181-2016 Annex A layout), for the micro-benchmarks. */
final class SampleMessages {

    static final String DEVICE_ID = "34020000001320000001";
    static final String REALM = "3402000000";
    static final String PASSWORD = "12345678";

    private SampleMessages() {
    }

    static String sip(String kind) {
        return switch (kind) {
            case "REGISTER_AUTH" -> "REGISTER sip:34020000002000000001@3402000000 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1491280923\r\n"
                    + "From: <sip:34020000001320000001@3402000000>;tag=1823946231\r\n"
                    + "To: <sip:34020000001320000001@3402000000>\r\n"
                    + "Call-ID: 2080394528@192.168.1.64\r\n"
                    + "CSeq: 2 REGISTER\r\n"
                    + "Contact: <sip:34020000001320000001@192.168.1.64:5060>\r\n"
                    + "Authorization: Digest username=\"34020000001320000001\", realm=\"3402000000\", "
                    + "nonce=\"18f2c4a1b5e9d0c3a7f6e1d2c3b4a59687766554433\", "
                    + "uri=\"sip:34020000002000000001@3402000000\", response=\"8d6f0a2b4c5e7f9081a2b3c4d5e6f708\", "
                    + "algorithm=MD5, qop=auth, nc=00000001, cnonce=\"0a4f113b\"\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "User-Agent: IP Camera\r\n"
                    + "Expires: 3600\r\n"
                    + "Content-Length: 0\r\n\r\n";
            case "MESSAGE_KEEPALIVE" -> {
                String body = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n"
                              + "<SN>43</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<Status>OK</Status>\r\n"
                              + "</Notify>\r\n";
                yield "MESSAGE sip:34020000002000000001@3402000000 SIP/2.0\r\n"
                      + "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1829384756\r\n"
                      + "From: <sip:34020000001320000001@3402000000>;tag=1293847561\r\n"
                      + "To: <sip:34020000002000000001@3402000000>\r\n"
                      + "Call-ID: 1928374655@192.168.1.64\r\n"
                      + "CSeq: 20 MESSAGE\r\n"
                      + "Content-Type: Application/MANSCDP+xml\r\n"
                      + "Max-Forwards: 70\r\n"
                      + "User-Agent: IP Camera\r\n"
                      + "Content-Length: " + body.length() + "\r\n\r\n" + body;
            }
            case "OK_200" -> "SIP/2.0 200 OK\r\n"
                    + "Via: SIP/2.0/UDP 192.168.1.64:5060;rport=5060;branch=z9hG4bK1491280923;received=10.0.0.7\r\n"
                    + "From: <sip:34020000001320000001@3402000000>;tag=1823946231\r\n"
                    + "To: <sip:34020000001320000001@3402000000>;tag=9182736450\r\n"
                    + "Call-ID: 2080394528@192.168.1.64\r\n"
                    + "CSeq: 2 REGISTER\r\n"
                    + "Contact: <sip:34020000001320000001@192.168.1.64:5060>\r\n"
                    + "Expires: 3600\r\n"
                    + "Date: 2024-05-01T10:00:00.000\r\n"
                    + "Content-Length: 0\r\n\r\n";
            default -> throw new IllegalArgumentException("no sample " + kind);
        };
    }

    /** A catalog Response with {@code items} channels in GB2312 (GBK for the odd name), as a big NVR sends it. */
    static byte[] catalog(int items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n"
                + "<CmdType>Catalog</CmdType>\r\n<SN>17430</SN>\r\n<DeviceID>34020000001180000001</DeviceID>\r\n<SumNum>")
                .append(items).append("</SumNum>\r\n<DeviceList Num=\"").append(items).append("\">\r\n");
        for (int i = 1; i <= items; i++) {
            String id = String.format("3402000000131%07d", i);
            sb.append("<Item>\r\n<DeviceID>").append(id).append("</DeviceID>\r\n<Name>")
                    .append(i % 10 == 0 ? "喆" : "").append("通道").append(i).append("号摄像机</Name>\r\n")
                    .append("<Manufacturer>Hikvision</Manufacturer>\r\n<Model>DS-2CD2T47G2</Model>\r\n")
                    .append("<Owner>Owner</Owner>\r\n<CivilCode>340200</CivilCode>\r\n<Address>东门路").append(i)
                    .append("号</Address>\r\n<Parental>0</Parental>\r\n<ParentID>34020000001180000001</ParentID>\r\n")
                    .append("<SafetyWay>0</SafetyWay>\r\n<RegisterWay>1</RegisterWay>\r\n<Secrecy>0</Secrecy>\r\n")
                    .append("<Status>ON</Status>\r\n<Longitude>117.2").append(i).append("</Longitude>\r\n")
                    .append("<Latitude>31.8").append(i).append("</Latitude>\r\n<Info>\r\n<PTZType>1</PTZType>\r\n")
                    .append("</Info>\r\n</Item>\r\n");
        }
        sb.append("</DeviceList>\r\n</Response>\r\n");
        return sb.toString().getBytes(ManscdpCharsets.GB18030);
    }
}
