package org.jppp.protocol.wire.auth;

import org.jppp.protocol.wire.OptionFields;
import org.jppp.protocol.wire.PppdText;

/**
 * The Algorithm octet of CHAP's Authentication-Protocol option (RFC 1994 §3, RFC 2433 §2,
 * RFC 2759 §2). Open: an unknown algorithm stays representable so it can be Nak'd.
 */
public record ChapAlgorithm(int value) {
    public static final ChapAlgorithm MD5 = new ChapAlgorithm(5);
    public static final ChapAlgorithm MS_CHAP = new ChapAlgorithm(0x80);
    public static final ChapAlgorithm MS_CHAP_V2 = new ChapAlgorithm(0x81);

    public ChapAlgorithm {
        OptionFields.checkRange(value, 0xFF, "CHAP algorithm");
    }

    /** pppd's name after {@code auth chap}, or null when pppd has none (it then prints the octet). */
    public String pppdName() {
        return switch (value) {
            case 5 -> "MD5";
            case 0x80 -> "MS";
            case 0x81 -> "MS-v2";
            default -> null;
        };
    }

    @Override
    public String toString() {
        String name = pppdName();
        return name != null ? name : PppdText.hex(value);
    }
}
