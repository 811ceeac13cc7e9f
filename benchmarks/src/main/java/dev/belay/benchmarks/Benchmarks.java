package dev.belay.benchmarks;

/** Entry point of the benchmark harness; each benchmark prints a table of its figures. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        System.out.println("No benchmark yet.");
    }

}
