package fr.passerelle.shared;

import java.util.List;

/**
 * One page of a list: the single pagination helper of the application (offset pagination for
 * small administrative lists).
 *
 * @param items the rows of this page
 * @param page zero-based page index
 * @param size page size
 * @param total number of rows matching the filter
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    /** The highest page index accepted from a request (beyond it a page offset would overflow). */
    public static final int MAX_PAGE = 1_000_000;

    public static int sanitizePage(Integer page) {
        return page == null || page < 0 ? 0 : Math.min(page, MAX_PAGE);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public int offset() {
        return page * size;
    }
}
