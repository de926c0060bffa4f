package dev.larder.engine.acl;

import dev.larder.engine.command.spec.AclCategory;
import java.util.List;

/**
 * ACLDescribeSelectorCommandRules of Redis 7.0: the command rules that rebuild a
 * selector's bitmap, starting from "+@all" or "-@all", then the categories that fit best,
 * then single commands and allowed first arguments. The rules are applied to a scratch
 * selector as they are emitted, and the result is checked against the real bitmap.
 *
 * <p>
 * Single commands come in the catalogue's order where Redis's come in its hash table's.
 */
final class RuleDescriber {

	private final CommandCatalog catalog;

	RuleDescriber(CommandCatalog catalog) {
		this.catalog = catalog;
	}

	String describe(Selector selector) {
		StringBuilder rules = new StringBuilder();
		Selector fake = new Selector(catalog, false);
		boolean additive = !selector.canRunFutureCommands();
		rules.append(additive ? "-@all " : "+@all ");
		fake.allCommands(!additive);
		Selector temp = selector.copy();
		AclCategory[] categories = AclCategory.values();
		boolean[] applied = new boolean[categories.length];
		while (true) {
			int best = -1;
			long minDiff = Integer.MAX_VALUE;
			long maxSame = 0;
			for (int j = 0; j < categories.length; j++) {
				if (applied[j]) {
					continue;
				}
				long on = 0;
				long off = 0;
				for (CommandCatalog.Entry c : catalog.inCategory(categories[j])) {
					if (temp.bit(c.id)) {
						on++;
					}
					else {
						off++;
					}
				}
				long diff = additive ? off : on;
				long same = additive ? on : off;
				if (same > diff && (diff < minDiff || diff == minDiff && same > maxSame)) {
					best = j;
					minDiff = diff;
					maxSame = same;
				}
			}
			if (best == -1) {
				break;
			}
			fake.category(categories[best], additive);
			temp.category(categories[best], !additive);
			rules.append(additive ? "+@" : "-@").append(categories[best].categoryName()).append(' ');
			applied[best] = true;
		}
		singleCommands(selector, fake, rules, catalog.topLevel());
		rules.setLength(rules.length() - 1);
		for (int id = 0; id < catalog.size(); id++) {
			if (fake.bit(id) != selector.bit(id)) {
				throw new IllegalStateException("ACL rules '" + rules + "' do not rebuild the user's command bitmap");
			}
		}
		return rules.toString();
	}

	private void singleCommands(Selector selector, Selector fake, StringBuilder rules,
			List<CommandCatalog.Entry> commands) {
		for (CommandCatalog.Entry cmd : commands) {
			boolean userBit = selector.bit(cmd.id);
			if (userBit != fake.bit(cmd.id)) {
				rules.append(userBit ? '+' : '-').append(cmd.name).append(' ');
				fake.change(cmd, userBit);
			}
			singleCommands(selector, fake, rules, cmd.subcommands);
			List<String> firstArgs = selector.firstArgs.get(cmd.id);
			if (!userBit && firstArgs != null) {
				for (String arg : firstArgs) {
					rules.append('+').append(cmd.name).append('|').append(arg).append(' ');
				}
			}
		}
	}

}
