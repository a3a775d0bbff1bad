package dev.consolidate.catalog.model;

/**
 * One entry of a PostgreSQL ACL in its text form {@code grantee=privileges/grantor}; an empty
 * grantee is PUBLIC. Role names are unquoted here (aclitem output double-quotes unusual ones).
 */
public record AclItem(String grantee, String privileges, String grantor) {

    public static AclItem parse(String text) {
        int[] pos = {0};
        String grantee = name(text, pos);
        if (pos[0] >= text.length() || text.charAt(pos[0]) != '=') {
            throw new IllegalArgumentException("not an aclitem: " + text);
        }
        int slash = text.lastIndexOf('/');
        String privileges = text.substring(pos[0] + 1, slash);
        pos[0] = slash + 1;
        String grantor = name(text, pos);
        return new AclItem(grantee, privileges, grantor);
    }

    public boolean isPublic() {
        return grantee.isEmpty();
    }

    /** The same entry with {@code from} replaced by {@code to} as grantee and as grantor. */
    public AclItem renameRole(String from, String to) {
        return new AclItem(grantee.equals(from) ? to : grantee, privileges, grantor.equals(from) ? to : grantor);
    }

    /** Back to aclitem text (names quoted the way aclitem output does). */
    public String text() {
        return quote(grantee) + "=" + privileges + "/" + quote(grantor);
    }

    private static String name(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0];
        if (i < s.length() && s.charAt(i) == '"') {
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        sb.append('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                sb.append(c);
                i++;
            }
        } else {
            while (i < s.length() && s.charAt(i) != '=' && s.charAt(i) != '/') {
                sb.append(s.charAt(i));
                i++;
            }
        }
        pos[0] = i;
        return sb.toString();
    }

    private static String quote(String name) {
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_';
        }
        return plain || name.isEmpty() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }
}
