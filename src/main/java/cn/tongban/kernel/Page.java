package cn.tongban.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param items the rows of this page
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total rows in the whole listing
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
