package dev.larder.engine.command;

/** LMOVE's and BLMOVE's wherefrom and whereto. */
enum ListEnd {

	LEFT, RIGHT;

	/** LEFT or RIGHT in any case; anything else is a syntax error. */
	static ListEnd parse(byte[] arg) {
		if (Args.is(arg, "left")) {
			return LEFT;
		}
		if (Args.is(arg, "right")) {
			return RIGHT;
		}
		throw new ReplyException(Errors.SYNTAX);
	}

}
