package dev.webui.files.file;

import dev.webui.common.error.ApiException;

/** One satisfiable range of an HTTP Range header; several ranges are answered with the whole file. */
public record ByteRange(long start, long length) {

    /** Null when there is no usable single range (serve everything); 416 when it cannot be satisfied. */
    public static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            long start;
            long end;
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    throw unsatisfiable(size);
                }
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(first);
                end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
                if (start >= size) {
                    throw unsatisfiable(size);
                }
                if (end < start) {
                    return null;
                }
            }
            return new ByteRange(start, end - start + 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }

    private static ApiException unsatisfiable(long size) {
        return new ApiException(416, "Range not satisfiable: the file has " + size + " bytes");
    }
}
