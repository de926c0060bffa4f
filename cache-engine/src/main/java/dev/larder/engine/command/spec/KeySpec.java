package dev.larder.engine.command.spec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a command's keys are and how it uses them, as Redis 7 declares it: a <em>begin
 * search</em> step that finds where the keys start (a fixed index, or the argument after
 * a keyword), then a <em>find keys</em> step that says how many there are (a range, or a
 * count read from an argument), plus the {@link KeySpecFlag}s of these keys. Built in
 * stages so an incomplete spec does not compile:
 *
 * <pre>{@code
 * KeySpec.index(1).range(-1, 2, 0).flags(OW, UPDATE)      // MSET key value [key value ...]
 * KeySpec.index(2).keynum(0, 1, 1).flags(RO, ACCESS)      // ZUNIONSTORE's source keys
 * }</pre>
 */
public final class KeySpec {

	/** Where the search for keys begins. */
	public sealed interface BeginSearch permits Index, Keyword, UnknownBegin {

	}

	/** Keys start at argument {@code pos}. */
	public record Index(int pos) implements BeginSearch {
	}

	/**
	 * Keys start after {@code keyword}, searched from {@code startFrom} (negative: from
	 * the end, backwards).
	 */
	public record Keyword(String keyword, int startFrom) implements BeginSearch {
	}

	/** Redis cannot tell where the keys start. */
	public record UnknownBegin() implements BeginSearch {
	}

	/** How many keys there are from where the search began. */
	public sealed interface FindKeys permits Range, KeyNum, UnknownKeys {

	}

	/**
	 * The last key relative to the first (negative: counted from the end of the
	 * arguments), every {@code keyStep}-th argument; a non-zero {@code limit} with
	 * {@code lastKey} -1 means "1/limit of the remaining arguments".
	 */
	public record Range(int lastKey, int keyStep, int limit) implements FindKeys {
	}

	/**
	 * The number of keys is the argument at {@code keyNumIdx} (relative to the begin
	 * index); keys start {@code firstKey} after the begin index, every
	 * {@code keyStep}-th.
	 */
	public record KeyNum(int keyNumIdx, int firstKey, int keyStep) implements FindKeys {
	}

	/** Redis cannot tell how many keys there are. */
	public record UnknownKeys() implements FindKeys {
	}

	private final BeginSearch beginSearch;

	private final FindKeys findKeys;

	private final Set<KeySpecFlag> flags;

	/** Null when the key spec has no notes. */
	private final @Nullable String notes;

	private KeySpec(BeginSearch beginSearch, FindKeys findKeys, Set<KeySpecFlag> flags, @Nullable String notes) {
		this.beginSearch = beginSearch;
		this.findKeys = findKeys;
		this.flags = flags;
		this.notes = notes;
	}

	public static FindStage index(int pos) {
		return new FindStage(new Index(pos));
	}

	public static FindStage keyword(String keyword, int startFrom) {
		return new FindStage(new Keyword(Objects.requireNonNull(keyword), startFrom));
	}

	public static FindStage unknown() {
		return new FindStage(new UnknownBegin());
	}

	/** A copy with Redis's explanatory note (COMMAND INFO shows it first). */
	public KeySpec notes(String notes) {
		return new KeySpec(beginSearch, findKeys, flags, notes);
	}

	public BeginSearch beginSearch() {
		return beginSearch;
	}

	public FindKeys findKeys() {
		return findKeys;
	}

	/** In {@link KeySpecFlag} order. */
	public Set<KeySpecFlag> flags() {
		return flags;
	}

	public @Nullable String notes() {
		return notes;
	}

	public boolean has(KeySpecFlag flag) {
		return flags.contains(flag);
	}

	/**
	 * A plain range from a fixed index: the only kind Redis's legacy first/last/step can
	 * express.
	 */
	boolean isIndexRange() {
		return beginSearch instanceof Index && findKeys instanceof Range;
	}

	/** Begin search known; find keys next. */
	public static final class FindStage {

		private final BeginSearch beginSearch;

		private FindStage(BeginSearch beginSearch) {
			this.beginSearch = beginSearch;
		}

		/**
		 * Keys from the begin index to {@code lastKey} after it (negative: from the end).
		 */
		public FlagStage range(int lastKey) {
			return range(lastKey, 1, 0);
		}

		public FlagStage range(int lastKey, int keyStep, int limit) {
			if (keyStep < 1 || limit < 0) {
				throw new IllegalArgumentException("bad range " + lastKey + " " + keyStep + " " + limit);
			}
			return new FlagStage(beginSearch, new Range(lastKey, keyStep, limit));
		}

		public FlagStage keynum(int keyNumIdx, int firstKey, int keyStep) {
			if (keyStep < 1 || firstKey < 1 || keyNumIdx < 0) {
				throw new IllegalArgumentException("bad keynum " + keyNumIdx + " " + firstKey + " " + keyStep);
			}
			return new FlagStage(beginSearch, new KeyNum(keyNumIdx, firstKey, keyStep));
		}

		public FlagStage unknownKeys() {
			return new FlagStage(beginSearch, new UnknownKeys());
		}

	}

	/** Begin search and find keys known; the flags complete the spec. */
	public static final class FlagStage {

		private final BeginSearch beginSearch;

		private final FindKeys findKeys;

		private FlagStage(BeginSearch beginSearch, FindKeys findKeys) {
			this.beginSearch = beginSearch;
			this.findKeys = findKeys;
		}

		public KeySpec flags(KeySpecFlag first, KeySpecFlag... rest) {
			return new KeySpec(beginSearch, findKeys, Collections.unmodifiableSet(EnumSet.of(first, rest)), null);
		}

	}

}
