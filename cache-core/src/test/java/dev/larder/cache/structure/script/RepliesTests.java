package dev.larder.cache.structure.script;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.larder.cache.structure.sortedset.ScoredMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Replies are read alike in RESP2 and RESP3 shapes. */
class RepliesTests {

	@Test
	void scoresAreBulkStringsOrDoubles() {
		assertThat(Replies.score(bytes("1.5"))).isEqualTo(1.5);
		assertThat(Replies.score(bytes("inf"))).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(Replies.score(bytes("-inf"))).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(Replies.score(bytes("0.10000000000000001"))).isEqualTo(0.1);
		assertThat(Replies.score(2.5d)).isEqualTo(2.5);
		assertThat(Replies.scoreOrNull(null)).isNull();
	}

	@Test
	void membersWithScoresAreFlatOrPaired() {
		List<ScoredMember<String>> expected = List.of(new ScoredMember<>("a", 1.0), new ScoredMember<>("b", 2.0));
		assertThat(Replies.scoredMembers(List.of(bytes("a"), bytes("1"), bytes("b"), bytes("2")), Replies::string))
			.isEqualTo(expected);
		assertThat(
				Replies.scoredMembers(List.of(List.of(bytes("a"), 1.0d), List.of(bytes("b"), 2.0d)), Replies::string))
			.isEqualTo(expected);
		assertThat(Replies.scoredMembers(List.of(), Replies::string)).isEmpty();
		assertThat(Replies.scoredMembers(null, Replies::string)).isEmpty();
	}

	@Test
	void unexpectedShapesSayWhatCame() {
		assertThatIllegalStateException().isThrownBy(() -> Replies.integer("OK"))
			.withMessage("Expected an integer from the backend, got String OK");
		assertThatIllegalStateException().isThrownBy(() -> Replies.list(7L)).withMessageContaining("an array");
	}

	@Test
	void scoresAreWrittenSoStrtodReadsThemBack() {
		assertThat(new String(RespScoredSet.score(0.1), StandardCharsets.US_ASCII)).isEqualTo("0.1");
		assertThat(new String(RespScoredSet.score(Double.NEGATIVE_INFINITY), StandardCharsets.US_ASCII))
			.isEqualTo("-inf");
		assertThat(Replies.parseScore(new String(RespScoredSet.score(1e300), StandardCharsets.US_ASCII)))
			.isEqualTo(1e300);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
