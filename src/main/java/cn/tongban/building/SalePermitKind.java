package cn.tongban.building;

/** What allows a new home to be sold (城市房地产管理法 第四十五条; 商品房销售管理办法 第七条). */
enum SalePermitKind {
    /** 商品房预售许可证. */
    PRESALE,
    /** 现售备案. */
    SPOT_SALE
}
