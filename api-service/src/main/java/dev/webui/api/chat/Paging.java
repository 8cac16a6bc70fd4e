package dev.webui.api.chat;

import dev.webui.common.error.ApiException;

/** 1-based page numbers of the contract; an absent page means "everything". */
public record Paging(Integer page, int size) {
    public static Paging parse(String page, int size) {
        if (page == null || page.isBlank()) {
            return new Paging(null, size);
        }
        try {
            int value = Integer.parseInt(page.trim());
            if (value < 1) {
                throw ApiException.badRequest("'page' must be 1 or more");
            }
            return new Paging(value, size);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'page' must be a number");
        }
    }

    /** " LIMIT n OFFSET m", or nothing for all rows. */
    public String sql() {
        return page == null ? "" : " LIMIT " + size + " OFFSET " + (long) (page - 1) * size;
    }
}
