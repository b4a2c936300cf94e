package dev.keel.examples.shop;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An order that names a user or a product the shop does not have: the client's mistake, not the server's. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class UnknownReferenceException extends RuntimeException {

    public UnknownReferenceException(String what) {
        super(what);
    }
}
