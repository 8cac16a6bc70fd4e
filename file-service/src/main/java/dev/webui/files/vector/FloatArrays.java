package dev.webui.files.vector;

import java.nio.ByteBuffer;

/** Decodes a one-dimensional float4[] in PostgreSQL's binary array format (array_send). */
final class FloatArrays {
    private FloatArrays() {
    }

    static float[] fromBinary(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes); // network byte order, as PostgreSQL sends it
        int dimensions = in.getInt();
        in.getInt(); // has-nulls flag
        in.getInt(); // element type oid
        if (dimensions == 0) {
            return new float[0];
        }
        if (dimensions != 1) {
            throw new IllegalStateException("embedding must be a one-dimensional array");
        }
        int length = in.getInt();
        in.getInt(); // lower bound
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            int size = in.getInt();
            out[i] = size < 0 ? 0f : in.getFloat();
        }
        return out;
    }
}
