UPDATE products SET gender = 'unisex WHERE gender IS NULL AND id < 1000;
