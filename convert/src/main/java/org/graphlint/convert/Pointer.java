package org.graphlint.convert;

/** A JSON pointer built only when it is needed. */
final class Pointer {
    static final Pointer ROOT = new Pointer(null, null);
    private final Pointer parent;
    private final String token;
    private String text;

    private Pointer(Pointer parent, String token) {
        this.parent = parent;
        this.token = token;
        if (parent == null) {
            text = "";
        }
    }

    Pointer child(String escapedToken) {
        return new Pointer(this, escapedToken);
    }

    String text() {
        if (text == null) {
            text = parent.text() + '/' + token;
        }
        return text;
    }

    static String escape(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }
}
