package dev.larder.sample.catalog;

import java.math.BigDecimal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog over HTTP: {@code GET}, {@code PUT} and {@code DELETE /products/{id}}.
 */
@RestController
@RequestMapping("/products")
public class ProductController {

	private final ProductService service;

	public ProductController(ProductService service) {
		this.service = service;
	}

	@GetMapping("/{id}")
	public ResponseEntity<Product> get(@PathVariable long id) {
		Product product = this.service.find(id);
		return (product != null) ? ResponseEntity.ok(product) : ResponseEntity.notFound().build();
	}

	@PutMapping("/{id}")
	public Product put(@PathVariable long id, @RequestBody ProductUpdate update) {
		return this.service.save(new Product(id, update.name(), update.price()));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable long id) {
		return this.service.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	/** The body of a {@code PUT}: the id comes from the path. */
	public record ProductUpdate(String name, BigDecimal price) {
	}

}
