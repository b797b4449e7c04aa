package fr.passerelle.measures.api;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The answer to a creation: 201, the new resource's address in {@code Location}, its id in the body. */
record Created(UUID id) {

    static ResponseEntity<Created> at(String path, UUID id) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(new Created(id));
    }
}
