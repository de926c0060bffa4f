package dev.larder.boundedheap;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** Renders a page of about 4 KB per id, cached forever. */
@Component
public class PageRenderer {

	static final String CACHE = "pages";

	private static final String BODY = "<p>" + "lorem ipsum ".repeat(340) + "</p>";

	@Cacheable(CACHE)
	public String render(long id) {
		return id + BODY;
	}

}
