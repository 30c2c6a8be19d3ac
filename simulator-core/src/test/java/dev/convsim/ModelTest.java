package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.Form;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Address;
import dev.convsim.model.Channel;
import dev.convsim.model.Sids;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values the model is made of. */
class ModelTest {

    @Test
    void sidsArePrefixAndThirtyTwoLowerCaseHexDigitsOfAPerPrefixCounter() {
        assertThat(Sids.format("CH", 1)).isEqualTo("CH00000000000000000000000000000001");
        assertThat(Sids.format("MB", 255)).isEqualTo("MB000000000000000000000000000000ff");
        assertThat(Sids.format("IM", Long.MAX_VALUE)).isEqualTo("IM00000000000000007fffffffffffffff");
        assertThat(Sids.is("CH", "CH00000000000000000000000000000001")).isTrue();
        assertThat(Sids.is("CH", "MB00000000000000000000000000000001")).isFalse();
        assertThat(Sids.is("CH", "CH0000000000000000000000000000001")).isFalse();
        assertThat(Sids.abbreviate("CH0000000000000000000000000000002a")).isEqualTo("CH…2a");
    }

    @Test
    void aMinterCountsEachPrefixOnItsOwnAndRefusesWhatIsNotAPrefix() {
        Sids.Minter minter = new Sids.Minter();
        assertThat(minter.next("CH")).isEqualTo("CH00000000000000000000000000000001");
        assertThat(minter.next("MB")).isEqualTo("MB00000000000000000000000000000001");
        String second = minter.next("CH");
        assertThat(second).isEqualTo("CH00000000000000000000000000000002");
        assertThat(minter.next("ZZ")).isEqualTo("ZZ00000000000000000000000000000001");
        for (int i = 3; i <= 300; i++) {
            assertThat(minter.next("CH")).isEqualTo(Sids.format("CH", i));
        }
        // the minter reuses one buffer: a SID it returned earlier must not change
        assertThat(second).isEqualTo("CH00000000000000000000000000000002");
        for (String bad : new String[] {"ch", "C", "CHX", "C1", "@A"}) {
            assertThatThrownBy(() -> minter.next(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[" + bad + "] is not a SID prefix");
        }
        assertThat(minter.next("CH")).isEqualTo(Sids.format("CH", 301));
        assertThatThrownBy(() -> Sids.format("ch", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[ch] is not a SID prefix: expected two capital letters, like CH");
    }

    @Test
    void eachSimulatorCountsItsOwnSids() {
        ConversationsSimulator a = ConversationsSimulator.builder().autocreate("+15005550001").build();
        ConversationsSimulator b = ConversationsSimulator.builder().autocreate("+15005550001").build();

        a.receive("+15551230001", "+15005550001", "hi");
        a.receive("+15551230002", "+15005550001", "hi");

        assertThat(b.receive("+15551230001", "+15005550001", "hi").conversationSid())
                .isEqualTo("CH00000000000000000000000000000001");
    }

    @Test
    void addressesParseSmsAndWhatsAppAndCompareByWireValue() {
        Address sms = Address.parse("+15551234567");
        Address whatsapp = Address.parse("whatsapp:+15551234567");

        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(whatsapp.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(whatsapp.value()).isEqualTo("whatsapp:+15551234567");
        assertThat(sms).isNotEqualTo(whatsapp);
        assertThat(Address.isValid("+0123")).isFalse();
        assertThat(Address.isValid("+1234567890123456")).as("16 digits is over E.164's 15").isFalse();
        assertThatThrownBy(() -> Address.parse(null)).hasMessage("[null] is not an E.164 number: expected like +15551234567");
    }

    @Test
    void theNumberGroupIsSortedWhateverTheOrderOfRecipients() {
        InboundMessage one = InboundMessage.group("+15551230003", "+15005550001", "x", "+15551230001", "+15551230002");
        InboundMessage two = InboundMessage.group("+15551230003", "+15005550001", "x", "+15551230002", "+15551230001");

        assertThat(one.numberGroup()).isEqualTo(two.numberGroup()).extracting(Address::value)
                .containsExactly("+15005550001", "+15551230001", "+15551230002", "+15551230003");
        assertThatThrownBy(() -> InboundMessage.group("+15551230003", "+15005550001", "x", "+15551230003"))
                .hasMessage("[+15551230003] appears twice among From, To and the other recipients");
    }

    @Test
    void formsKeepOrderAndRefuseOddArguments() {
        Form form = Form.of("B", "2", "A", "1", "B", "3");

        assertThat(form.names()).containsExactly("B", "A");
        assertThat(form.getAll("B")).isEqualTo(List.of("2", "3"));
        assertThat(form.get("missing")).isNull();
        assertThatThrownBy(() -> Form.of("lonely"))
                .hasMessage("[1 strings] is not a list of names and values: give them in pairs");
    }

    @Test
    void theSimulatorsToStringNamesItsStateButNeverTheAuthToken() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .account("AC0123456789abcdef0123456789abcdef", "s3cr3t-token-value").build();

        assertThat(sim.toString()).isEqualTo("ConversationsSimulator[account AC0123456789abcdef0123456789abcdef, "
                + "at 2026-01-01T00:00:00Z, 0 conversations, 1 journal events]").doesNotContain("s3cr3t");
    }
}
