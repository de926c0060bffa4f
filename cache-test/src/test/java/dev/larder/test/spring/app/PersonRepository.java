package dev.larder.test.spring.app;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

/** Spring Data Redis keyspace repository: hashes, index sets, derived queries. */
public interface PersonRepository extends CrudRepository<Person, String> {

	List<Person> findByLastName(String lastName);

}
