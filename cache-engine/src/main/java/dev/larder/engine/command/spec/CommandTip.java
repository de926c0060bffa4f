package dev.larder.engine.command.spec;

/**
 * Redis 7.0's command tips (COMMAND INFO's eighth element, for cluster-aware clients).
 */
public enum CommandTip {

	NONDETERMINISTIC_OUTPUT("nondeterministic_output"),

	NONDETERMINISTIC_OUTPUT_ORDER("nondeterministic_output_order"),

	REQUEST_POLICY_ALL_NODES("request_policy:all_nodes"),

	REQUEST_POLICY_ALL_SHARDS("request_policy:all_shards"),

	REQUEST_POLICY_MULTI_SHARD("request_policy:multi_shard"),

	REQUEST_POLICY_SPECIAL("request_policy:special"),

	RESPONSE_POLICY_ONE_SUCCEEDED("response_policy:one_succeeded"),

	RESPONSE_POLICY_ALL_SUCCEEDED("response_policy:all_succeeded"),

	RESPONSE_POLICY_AGG_LOGICAL_AND("response_policy:agg_logical_and"),

	RESPONSE_POLICY_AGG_LOGICAL_OR("response_policy:agg_logical_or"),

	RESPONSE_POLICY_AGG_MIN("response_policy:agg_min"),

	RESPONSE_POLICY_AGG_MAX("response_policy:agg_max"),

	RESPONSE_POLICY_AGG_SUM("response_policy:agg_sum"),

	RESPONSE_POLICY_SPECIAL("response_policy:special");

	private final String replyName;

	CommandTip(String replyName) {
		this.replyName = replyName;
	}

	public String replyName() {
		return replyName;
	}

}
