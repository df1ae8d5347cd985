/** A named module that reads the runtime from the module path: the class path has no @Owned. */
module modleak {
    requires org.allocdiscipline;
}
