package dev.keel.backup.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalPageHeaderTest {

    @Test
    void readsEveryFieldOfALongHeaderWrittenLittleEndian() {
        byte[] head = SegmentHeaders.header(
                ByteOrder.LITTLE_ENDIAN, 0xD116, 0x0006, 3, 0x1_6B000000L, 0xF000_0000_0000_0001L, 16 << 20, 8192);
        WalPageHeader header = WalPageHeader.parse(head);
        assertThat(header)
                .isEqualTo(new WalPageHeader(0xD116, 0x0006, 3, 0x1_6B000000L, 0xF000_0000_0000_0001L, 16 << 20, 8192));
        assertThat(header.isLong()).isTrue();
        assertThat(header.systemIdentifierText()).isEqualTo("17293822569102704641");
        assertThat(WalPosition.text(header.pageAddress())).isEqualTo("1/6B000000");
    }

    @Test
    void aBigEndianServersHeaderReadsTheSameOnThisMachine() {
        byte[] head = SegmentHeaders.header(ByteOrder.BIG_ENDIAN, 0xD113, 0x0002, 1, 0x0300_0000L, 7L, 64 << 20, 8192);
        assertThat(WalPageHeader.parse(head))
                .isEqualTo(new WalPageHeader(0xD113, 0x0002, 1, 0x0300_0000L, 7L, 64 << 20, 8192));
    }

    @Test
    void aShortHeaderIsNoLongHeader() {
        byte[] head = SegmentHeaders.header(ByteOrder.LITTLE_ENDIAN, 0xD116, 0x0001, 1, 0, 1, 16 << 20, 8192);
        assertThat(WalPageHeader.parse(head).isLong()).isFalse();
    }

    @Test
    void fewerBytesThanTheHeaderAreRefused() {
        assertThatThrownBy(() -> WalPageHeader.parse(new byte[39])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void walMagicsOfReleasesTenToSeventeenAreRecognisedAndOtherBytesAreNot() {
        assertThat(List.of(0xD097, 0xD098, 0xD101, 0xD106, 0xD10D, 0xD110, 0xD113, 0xD116))
                .allMatch(WalPageHeader::isWalMagic);
        assertThat(List.of(0x4B4C, 0x0000, 0xFFFF, 0xD200)).noneMatch(WalPageHeader::isWalMagic);
    }
}
