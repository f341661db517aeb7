package dev.firebreak.tools.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package cycles among our classes: the strongly connected components (Tarjan) of the graph
 * "package A has a class that uses a class of package B", each as its sorted set of packages. A cycle
 * is named by its packages rather than by its dependencies, so the frozen list in the test survives
 * edits inside a known cycle but not a new package joining one.
 */
final class PackageCycles {
    private final Map<String, Set<String>> uses = new TreeMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> cycles = new ArrayList<>();

    private PackageCycles(JavaClasses classes, String root) {
        for (JavaClass c : classes) {
            uses.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getPackageName();
                if (target.startsWith(root) && !target.equals(c.getPackageName())) uses.get(c.getPackageName()).add(target);
            }
        }
    }

    /** Every cycle among the packages under {@code root}, each a sorted set of two or more packages. */
    static List<Set<String>> of(JavaClasses classes, String root) {
        PackageCycles graph = new PackageCycles(classes, root);
        for (String p : graph.uses.keySet()) if (!graph.index.containsKey(p)) graph.visit(p);
        return graph.cycles;
    }

    private void visit(String p) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        onStack.add(p);
        for (String q : uses.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                visit(q);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) cycles.add(component);
        }
    }
}
