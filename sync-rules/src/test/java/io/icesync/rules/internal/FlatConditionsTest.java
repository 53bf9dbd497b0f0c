package io.icesync.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.rules.Condition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatConditionsTest {
    private static final Condition A = new Condition.IsSpam();
    private static final Condition B = new Condition.HasAttachment();
    private static final Condition C = new Condition.SmtpAuth();
    private static final Condition D = new Condition.TrustedSession();

    private static Condition roundTrip(Condition c, List<String> notes) {
        return FlatConditions.unflatten(FlatConditions.flatten(c, notes));
    }

    @Test
    void nestedGroupsGetBracketsAndComeBackAsTheyWent() {
        Condition c = new Condition.AllOf(List.of(
                new Condition.AnyOf(List.of(A, new Condition.AllOf(List.of(B, new Condition.Not(C))))),
                D));
        List<String> notes = new ArrayList<>();
        List<FlatConditions.Entry> flat = FlatConditions.flatten(c, notes);
        assertThat(flat).extracting(FlatConditions.Entry::open).containsExactly(1, 1, 0, 0);
        assertThat(flat).extracting(FlatConditions.Entry::close).containsExactly(0, 0, 2, 0);
        assertThat(flat).extracting(FlatConditions.Entry::not).containsExactly(false, false, true, false);
        assertThat(FlatConditions.unflatten(flat)).isEqualTo(c);
        assertThat(notes).isEmpty();
    }

    @Test
    void notOverAGroupIsStoredInItsEquivalentFormAndSaidSo() {
        List<String> notes = new ArrayList<>();
        Condition back = roundTrip(new Condition.Not(new Condition.AllOf(List.of(A, B))), notes);
        assertThat(back).isEqualTo(new Condition.AnyOf(List.of(new Condition.Not(A), new Condition.Not(B))));
        assertThat(notes).singleElement().asString().contains("NOT over a group");
    }

    @Test
    void withoutBracketsAndBindsTighterThanOr() {
        List<FlatConditions.Entry> flat = List.of(
                new FlatConditions.Entry(A, false, true, 0, 0),
                new FlatConditions.Entry(B, false, false, 0, 0),
                new FlatConditions.Entry(C, false, true, 0, 0));
        assertThat(FlatConditions.unflatten(flat))
                .isEqualTo(new Condition.AnyOf(List.of(A, new Condition.AllOf(List.of(B, C)))));
    }

    @Test
    void unbalancedBracketsAreRefusedWithAReason() {
        assertThatThrownBy(() -> FlatConditions.unflatten(List.of(new FlatConditions.Entry(A, false, true, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> FlatConditions.unflatten(List.of(new FlatConditions.Entry(A, false, true, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closing bracket");
    }

    @Test
    void noConditionsMeansEveryMessage() {
        assertThat(FlatConditions.unflatten(List.of())).isEqualTo(new Condition.AllMessages());
    }
}
