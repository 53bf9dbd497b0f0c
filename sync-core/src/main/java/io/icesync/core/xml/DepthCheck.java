package io.icesync.core.xml;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Walks a tree without recursion, so that the walk itself survives the depth it refuses. */
final class DepthCheck {
    private DepthCheck() {
    }

    static void check(Element root, int maxDepth) throws XmlLimitException {
        Node n = root;
        int depth = 1;
        while (n != null) {
            if (depth > maxDepth) {
                throw XmlLimitException.depth(maxDepth, path(n));
            }
            Node down = firstElement(n.getFirstChild());
            if (down != null) {
                n = down;
                depth++;
                continue;
            }
            while (n != null && n != root && firstElement(n.getNextSibling()) == null) {
                n = n.getParentNode();
                depth--;
            }
            n = n == null || n == root ? null : firstElement(n.getNextSibling());
        }
    }

    private static Node firstElement(Node from) {
        Node n = from;
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return n;
    }

    /** Where the limit was passed: the names of the elements leading to it, the last few of them. */
    private static String path(Node deep) {
        StringBuilder tail = new StringBuilder();
        Node n = deep;
        for (int shown = 0; n instanceof Element e && shown < 4; n = n.getParentNode(), shown++) {
            tail.insert(0, "/" + e.getNodeName());
        }
        return (n instanceof Element ? "..." : "") + tail;
    }
}
