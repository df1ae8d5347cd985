package com.example;

import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;

/** The composition root: main may pick the page allocator. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            System.out.println(arena);
        }
    }
}
