package com.example.consumer;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

@Service
public class GreetingService {

	private final AtomicInteger calls = new AtomicInteger();

	@Cacheable("greetings")
	public String greet(String name) {
		this.calls.incrementAndGet();
		return "Hello, " + name;
	}

	public int calls() {
		return this.calls.get();
	}

}
