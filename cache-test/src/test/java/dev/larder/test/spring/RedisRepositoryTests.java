package dev.larder.test.spring;

import java.util.List;

import dev.larder.engine.Reply;
import dev.larder.test.EmbeddedRedisServer;
import dev.larder.test.spring.app.Person;
import dev.larder.test.spring.app.PersonRepository;
import dev.larder.test.spring.app.RedisApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @RedisHash} repository (Spring Data Redis's keyspace support: HMSET/HGETALL,
 * index sets with SADD/SREM/SINTER, DEL, EXPIRE) on the engine.
 */
@SpringBootTest(classes = RedisApplication.class)
@EmbeddedRedisConnection
class RedisRepositoryTests {

	@Autowired
	private PersonRepository people;

	@Autowired
	private EmbeddedRedisServer server;

	@Test
	void savesFindsByIdAndByAnIndexedProperty() {
		this.people.save(new Person("1", "Ada", "Lovelace"));
		this.people.save(new Person("2", "Grace", "Hopper"));
		this.people.save(new Person("3", "Byron", "Lovelace"));

		assertThat(this.people.count()).isEqualTo(3);
		assertThat(this.people.findById("2"))
			.hasValueSatisfying((p) -> assertThat(p.getFirstName()).isEqualTo("Grace"));
		assertThat(this.people.findByLastName("Lovelace")).extracting(Person::getFirstName)
			.containsExactlyInAnyOrder("Ada", "Byron");
		assertThat(this.server.engine().execute("TYPE", "people:1").toString()).contains("hash");
		assertThat(members("people:lastName:Lovelace")).containsExactlyInAnyOrder("1", "3");
	}

	@Test
	void updatesMoveTheEntryBetweenIndexSetsAndDeletesClearThem() {
		this.people.save(new Person("1", "Ada", "Byron"));
		Person married = new Person("1", "Ada", "Lovelace");
		this.people.save(married);
		assertThat(this.people.findByLastName("Byron")).isEmpty();
		assertThat(this.people.findByLastName("Lovelace")).hasSize(1);

		this.people.deleteById("1");
		assertThat(this.people.existsById("1")).isFalse();
		assertThat(this.people.count()).isZero();
		assertThat(members("people:lastName:Lovelace")).isEmpty();
	}

	@Test
	void aTimeToLiveBecomesAnExpiry() {
		Person visitor = new Person("9", "Temporary", "Visitor");
		visitor.setTtlSeconds(600L);
		this.people.save(visitor);
		long ttl = ((Reply.IntegerReply) this.server.engine().execute("TTL", "people:9")).value();
		assertThat(ttl).isBetween(1L, 600L);
		assertThat(this.people.findById("9")).isPresent();
	}

	private List<String> members(String key) {
		Reply reply = this.server.engine().execute("SMEMBERS", key);
		List<Reply> items = (reply instanceof Reply.ArrayReply array) ? array.items()
				: ((Reply.SetReply) reply).items();
		return items.stream().map((item) -> ((Reply.BulkString) item).asString()).toList();
	}

}
