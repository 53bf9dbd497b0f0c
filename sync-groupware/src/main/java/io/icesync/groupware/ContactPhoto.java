package io.icesync.groupware;

import java.util.Arrays;
import java.util.Base64;

/** A photo: inline bytes with their media type (e.g. image/jpeg), or a URL. */
public record ContactPhoto(byte[] data, String mediaType, String url) {

    public static ContactPhoto ofBase64(String base64, String mediaType) {
        return new ContactPhoto(Base64.getMimeDecoder().decode(base64), mediaType, null);
    }

    public String base64() {
        return data == null ? null : Base64.getEncoder().encodeToString(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactPhoto p && Arrays.equals(data, p.data)
                && java.util.Objects.equals(mediaType, p.mediaType) && java.util.Objects.equals(url, p.url);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + java.util.Objects.hash(mediaType, url);
    }

    @Override
    public String toString() {
        return "ContactPhoto[" + (data == null ? url : data.length + " bytes") + ", " + mediaType + "]";
    }
}
