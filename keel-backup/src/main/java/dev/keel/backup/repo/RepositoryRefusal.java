package dev.keel.backup.repo;

import dev.keel.error.ErrorCode;
import dev.keel.error.KeelException;

/**
 * A repository failure that trying again cannot cure until a person acts: access refused (a wrong or
 * revoked key, a missing permission) or the bucket gone. Long-running writers (keel wal stream) stop
 * on it instead of retrying forever.
 */
public final class RepositoryRefusal extends KeelException {
    public RepositoryRefusal(ErrorCode code, String what, String todo, Throwable cause) {
        super(code, what, todo, cause);
    }
}
