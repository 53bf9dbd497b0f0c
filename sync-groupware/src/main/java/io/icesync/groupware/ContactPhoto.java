package io.icesync.groupware;

import java.util.Arrays;
import java.util.Base64;

/** A photo: inline bytes with their media type (e.g. image/jpeg), or a URL. */
public record ContactPhoto(byte[] data, String mediaType, String url) {

    /**
     * An inline photo from its base64 text (line breaks allowed).
     *
     * @param base64    the photo's bytes in base64
     * @param mediaType its media type, e.g. image/jpeg, or null
     * @return the photo
     * @throws IllegalArgumentException when the text is not base64
     */
    public static ContactPhoto ofBase64(String base64, String mediaType) {
        return new ContactPhoto(Base64.getMimeDecoder().decode(base64), mediaType, null);
    }

    /** {@return the inline bytes in base64, or null for a photo given by URL} */
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
