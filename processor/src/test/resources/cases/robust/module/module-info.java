/** A named module that uses the allocators. */
module robust {
    requires org.allocdiscipline;
    exports robust;
}
